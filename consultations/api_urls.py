from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("events", api.EventViewSet, basename="event")
router.register("sessions", api.SessionViewSet, basename="session")
router.register("me/registrations", api.MyRegistrationViewSet, basename="my-registration")

urlpatterns = router.urls
