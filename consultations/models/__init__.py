from .background import FailedTask, OutboxEmail, WorkerHeartbeat
from .consultations import Consultation, ConsultationDocument, Follow, Step, StepKind, Visibility
from .events import (
    Event,
    EventKind,
    EventResource,
    EventSession,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from .taxonomy import Partner, Territory, TerritoryKind, Theme

__all__ = [
    "FailedTask",
    "OutboxEmail",
    "WorkerHeartbeat",
    "Consultation",
    "ConsultationDocument",
    "Follow",
    "Event",
    "EventKind",
    "EventResource",
    "EventSession",
    "EventStatus",
    "Partner",
    "Registration",
    "RegistrationStatus",
    "Step",
    "StepKind",
    "Territory",
    "TerritoryKind",
    "Theme",
    "Visibility",
]
