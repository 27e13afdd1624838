from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("live/rooms", api.RoomViewSet, basename="live-room")

urlpatterns = router.urls
