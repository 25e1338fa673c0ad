from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.documents import urls as wagtaildocs_urls

from engagement.cities.admin_explorer import SectionExplorerView
from engagement.cities.admin_scoping import (
    AdministratorsPageTypesUsageReportView,
    ScopedBrowseView,
    ScopedChosenMultipleView,
    ScopedExternalLinkView,
    ScopedSearchView,
)
from engagement.cities.admin_search import PageSearchView
from engagement.discovery import views as discovery_views
from engagement.moderation.views import report_opportunity_view
from engagement.needs import views as need_views
from engagement.opportunities.views import OrganisationProfileView
from search import api as search_api
from search import calendar_feed as search_calendar
from search import feeds as search_feeds
from search import finder_views
from search import suggest as search_suggest
from search import views as search_views
from search import widget as search_widget

urlpatterns = [
    # Replaces Wagtail's report of the same address: it names pages of every city (administrators only).
    path(
        "admin/reports/page-types-usage/",
        AdministratorsPageTypesUsageReportView.as_view(),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        AdministratorsPageTypesUsageReportView.as_view(results_only=True),
    ),
    # Replace the page chooser's steps (browse, search, last step, pasted address): Wagtail's show another
    # city's drafts and the draft titles of its live pages. Wrapped as Wagtail wraps its own.
    path("admin/choose-page/", never_cache(require_admin_access(ScopedBrowseView.as_view()))),
    path(
        "admin/choose-page/<int:parent_page_id>/",
        never_cache(require_admin_access(ScopedBrowseView.as_view())),
    ),
    path("admin/choose-page/search/", never_cache(require_admin_access(ScopedSearchView.as_view()))),
    path(
        "admin/choose-page/chosen-multiple/",
        never_cache(require_admin_access(ScopedChosenMultipleView.as_view())),
    ),
    path(
        "admin/choose-external-link/",
        never_cache(require_admin_access(ScopedExternalLinkView.as_view())),
    ),
    # Replaces Wagtail's admin page search, which searches the same matches four times (same pages and
    # access).
    # Built by Wagtail's page viewset (same model, permissions and URLs), wrapped as Wagtail wraps its own.
    path(
        "admin/pages/search/",
        never_cache(require_admin_access(base_page_viewset.construct_view(PageSearchView))),
    ),
    path(
        "admin/pages/search/results/",
        never_cache(
            require_admin_access(base_page_viewset.construct_view(PageSearchView, results_only=True))
        ),
    ),
    # Replaces Wagtail's explorer, which counts and permission-checks every child of a city section
    # (33 000 offers) on each view: same pages, same access, built and wrapped as Wagtail builds its own.
    path(
        "admin/pages/<int:parent_page_id>/",
        never_cache(
            require_admin_access(
                base_page_viewset.construct_view(
                    SectionExplorerView, **base_page_viewset.get_index_view_kwargs()
                )
            )
        ),
    ),
    path(
        "admin/pages/<int:parent_page_id>/results/",
        never_cache(
            require_admin_access(
                base_page_viewset.construct_view(
                    SectionExplorerView, **base_page_viewset.get_index_view_kwargs(), results_only=True
                )
            )
        ),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The language switch sits in every page's header. It changes nothing but the visitor's language
    # cookie, so it needs no CSRF token, and an anonymous page view sets no CSRF cookie (cacheable).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("engagement.api_urls")),
    path("api/v2/openapi.json", search_api.openapi_schema, name="api_schema"),
    # Every listed offer for national platforms: Freiwilligendatenbank CSV, Volunteering Data JSON-LD.
    path("api/v2/export/", include("engagement.exchange.urls")),
    # For search engines, per host and outside the language prefix (one sitemap lists both languages).
    path("robots.txt", discovery_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", discovery_views.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", discovery_views.sitemap_section, name="sitemap_section"),
    # Loaded by the pages that embed the widget: one address for every language and version.
    path("widget.js", search_widget.widget_script, name="widget_script"),
]

# A database that cannot be reached answers 503 (German page, Retry-After), wherever the error arose.
handler500 = "engagement.operations.database.server_error"

# German lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("suche/", search_views.search, name="search"),
    path("suche/bedarfe/", need_views.need_search, name="need_search"),
    path("suche/bedarfe/feed/", need_views.need_feed, name="need_feed"),
    path("bedarfe/<int:page_id>/kontakt/", need_views.contact, name="need_contact"),
    path("suche/feed/", search_feeds.search_feed, name="search_feed"),
    path("suche/kalender.ics", search_calendar.search_calendar, name="search_calendar"),
    path("suche/vorschlaege/", search_suggest.suggestions, name="search_suggest"),
    path("finder/", finder_views.start, name="finder"),
    path("finder/frage/<int:number>/", finder_views.question, name="finder_question"),
    path("finder/ergebnis/", finder_views.results, name="finder_results"),
    path("widget/", search_widget.widget, name="widget"),
    path(
        "organisationen/<slug:slug>/",
        OrganisationProfileView.as_view(),
        name="organisation_detail",
    ),
    path("melden/<int:page_id>/", report_opportunity_view, name="report_opportunity"),
    path("benachrichtigungen/", include("engagement.alerts.urls")),
    path("", include("engagement.shifts.urls")),
    path("", include("engagement.hours.urls")),
    path("", include("engagement.applications.urls")),
    path("mein-verein/", include("engagement.dashboard.urls")),
    # The search inside a city's section; before Wagtail's pages, which would look for a page "suche".
    path("<slug:city_slug>/suche/", search_views.city_search, name="city_search"),
    path("<slug:city_slug>/finder/", finder_views.start, name="city_finder"),
    path("<slug:city_slug>/finder/frage/<int:number>/", finder_views.question, name="city_finder_question"),
    path("<slug:city_slug>/finder/ergebnis/", finder_views.results, name="city_finder_results"),
    path("<slug:city_slug>/suche/bedarfe/", need_views.city_need_search, name="city_need_search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
