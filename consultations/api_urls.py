from rest_framework.routers import DefaultRouter

from . import api, consultation_api

router = DefaultRouter()
router.register("events", api.EventViewSet, basename="event")
router.register("sessions", api.SessionViewSet, basename="session")
router.register("me/registrations", api.MyRegistrationViewSet, basename="my-registration")
router.register("consultations", consultation_api.ConsultationViewSet, basename="consultation")
router.register("me/consultations", consultation_api.MyConsultationViewSet, basename="my-consultation")

urlpatterns = router.urls
