from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("questionnaires", api.QuestionnaireViewSet, basename="questionnaire")

urlpatterns = router.urls
