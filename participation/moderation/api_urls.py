from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("reports", api.ReportViewSet, basename="moderation-report")
router.register("moderation/cases", api.CaseViewSet, basename="moderation-case")
router.register("moderation/my-cases", api.MyCaseViewSet, basename="moderation-my-case")
router.register("moderation/blocks", api.BlockViewSet, basename="moderation-block")
router.register("moderation/log", api.ActionViewSet, basename="moderation-action")

urlpatterns = router.urls
