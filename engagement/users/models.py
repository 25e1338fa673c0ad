from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account: a Verein member, a city editor or an administrator.

    Citizens apply without an account. E-mail is unique because it is what people log in and are
    reached with.
    """

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("Benutzer:in")
        verbose_name_plural = _("Benutzer:innen")
