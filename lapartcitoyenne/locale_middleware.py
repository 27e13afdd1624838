from django.conf import settings
from django.utils import translation


class FrenchFirstLocaleMiddleware:
    """French unless the person chose another language in the footer menu (the language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many residents'
    browsers or phones are set to another language while they read and write French here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
