from wagtail import hooks

from .dashboard import CityModerationPanel


@hooks.register("construct_homepage_panels")
def add_city_moderation_panel(request, panels):
    panels.append(CityModerationPanel())
