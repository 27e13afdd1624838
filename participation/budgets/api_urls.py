from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("budgets", api.BudgetViewSet, basename="budget")
router.register("budget-projects", api.ProjectViewSet, basename="budget-project")
router.register("budget-envelopes", api.EnvelopeViewSet, basename="budget-envelope")

urlpatterns = router.urls
