from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("comments", api.CommentViewSet, basename="comment")

urlpatterns = router.urls
