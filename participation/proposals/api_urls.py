from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("proposals", api.ProposalViewSet, basename="proposal")

urlpatterns = router.urls
