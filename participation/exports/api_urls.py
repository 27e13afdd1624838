from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("exports/datasets", api.DatasetViewSet, basename="export-dataset")
router.register("exports/jobs", api.ExportJobViewSet, basename="export-job")

urlpatterns = router.urls
