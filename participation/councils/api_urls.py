from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("councils", api.CouncilViewSet, basename="council")

urlpatterns = router.urls
