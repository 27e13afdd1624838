from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import media
from .accounts import views as account_views
from .accounts.api import MyDataView
from .staff.api import StatisticsView
from . import pages
from .contact import contact
from .health import health
from .views import home

# The admin logs in through allauth, so its rate limits and two-factor step apply there too.
admin.site.login = login_required(admin.site.login)
admin.site.site_header = "La Part Citoyenne"

urlpatterns = [
    path("", home, name="home"),
    path("sante/", health, name="health"),
    path("healthz", health, name="healthz"),
    path("", include("consultations.urls")),
    path("compte/", include("allauth.urls")),
    path("compte/profil/", account_views.profile, name="profile"),
    path("compte/jeton-api/", account_views.regenerate_api_token, name="regenerate_api_token"),
    path("compte/mes-donnees/", account_views.my_data, name="my_data"),
    path("compte/supprimer/", account_views.delete_my_account, name="delete_account"),
    path("confidentialite/", account_views.privacy_policy, name="privacy"),
    path("accessibilite/", pages.accessibility, name="accessibility"),
    path("mentions-legales/", pages.legal, name="legal"),
    path("contact/", contact, name="contact"),
    path("plan-du-site/", pages.sitemap, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("consultations.api_urls")),
    path("api/me/data/", MyDataView.as_view(), name="api-my-data"),
    path("api/statistics/", StatisticsView.as_view(), name="api-statistics"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("participation.surveys.urls")),
    path("api/", include("participation.surveys.api_urls")),
    path("", include("participation.live.urls")),
    path("api/", include("participation.live.api_urls")),
    path("", include("participation.exports.urls")),
    path("api/", include("participation.exports.api_urls")),
    path("equipe/", include("lapartcitoyenne.staff.urls")),
    path("propositions/", include("participation.proposals.urls")),
    path("commentaires/", include("participation.comments.urls")),
    path("conseils-citoyens/", include("participation.councils.urls")),
    path("api/", include("participation.proposals.api_urls")),
    path("api/", include("participation.comments.api_urls")),
    path("api/", include("participation.councils.api_urls")),
    path("moderation/", include("participation.moderation.urls")),
    path("api/", include("participation.moderation.api_urls")),
    path("budgets/", include("participation.budgets.urls")),
    path("api/", include("participation.budgets.api_urls")),
]

# The embedded mode (make run, the browser tests) serves uploads itself; in production the proxy does
# (docs/design.md). serve() joins the path under MEDIA_ROOT safely: no "..", no absolute path.
if not settings.PRODUCTION and settings.MEDIA_URL.startswith("/"):
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media.media, name="media"),
    ]

# French pages in the site's layout (JSON under /api/): lapartcitoyenne.errors.
handler400 = "lapartcitoyenne.errors.bad_request"
handler403 = "lapartcitoyenne.errors.permission_denied"
handler404 = "lapartcitoyenne.errors.page_not_found"
handler500 = "lapartcitoyenne.errors.server_error"
