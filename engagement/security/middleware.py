from . import throttle


class KnownDeviceMiddleware:
    """Sets the known-device cookie after a successful login (engagement/security/throttle.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        throttle.set_device_cookie(request, response)
        return response
