"""The API's settings (DRF and drf-spectacular), read by lapartcitoyenne.settings."""

import os


def env(name, default=None):
    return os.environ.get(name, default)


REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an unauthenticated call gets 401 with "WWW-Authenticate: Token".
        "lapartcitoyenne.accounts.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON nested past a few dozen levels is a 400, not a crash of the decoder.
    "DEFAULT_PARSER_CLASSES": [
        "consultations.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "consultations.api_errors.exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["consultations.api_filters.ListFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "lapartcitoyenne.api_schema.StrictPageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_ANON_RATE", "600/minute"),
        "user": env("API_USER_RATE", "1200/minute"),
        "write": env("API_WRITE_RATE", "60/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "La Part Citoyenne API",
    "DESCRIPTION": "Events, registrations and participation of La Part Citoyenne.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lapartcitoyenne.api_schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "consultations.models.EventKind",
        "EventStatusEnum": "consultations.models.EventStatus",
        "RegistrationStatusEnum": "consultations.models.RegistrationStatus",
        "ResourceKindEnum": "consultations.models.EventResource.Kind",
        "StepKindEnum": "consultations.models.StepKind",
        "TerritoryKindEnum": "consultations.models.TerritoryKind",
        "VisibilityEnum": "consultations.models.Visibility",
        "QuestionKindEnum": "participation.surveys.models.QuestionKind",
        "ProposalStateEnum": "participation.proposals.models.ProposalState",
        "MembershipStateEnum": "participation.councils.models.MembershipState",
        "CouncilStatusEnum": "participation.councils.models.CouncilStatus",
        "CouncilVerificationDecisionEnum": "participation.councils.serializers.VERIFICATION_DECISIONS",
        "ModerationCaseStatusEnum": "participation.moderation.models.CaseStatus",
        "ModerationStatusEnum": "consultations.moderation.ModerationStatus",
        "ReportReasonEnum": "participation.moderation.models.Reason",
        "ModerationDecisionEnum": "participation.moderation.serializers.DECISION_CHOICES",
        "ModerationActionEnum": "participation.moderation.models.ActionKind",
        "ModerationSourceEnum": "participation.moderation.models.Source",
    },
}
