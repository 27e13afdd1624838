"""The plugin registry: the one extension point between the frame and participation tools.

A participation app registers, in its ``AppConfig.ready()``, the tool it offers::

    from consultations.registry import Tool, registry

    registry.register(Tool(
        name="surveys",
        label=_("Questionnaire"),
        actions={StepKind.QUESTIONNAIRE: ("answer",)},
        step_template="surveys/_step.html",
    ))

Staff pick a consultation's tools among the registered ones (``Consultation.tools`` holds their
names). The consultation page renders ``step_template`` of each enabled tool in the steps whose
kind opens one of its actions, with ``consultation``, ``step`` and ``tool`` in the context. A tool
whose fragment shows the consultation's own content rather than the step's (its discussion) sets
``once_per_consultation``: the page renders it once, under the step where it belongs (see
``home_step``). An event tool (``event_template``) is rendered on the event page the same way, after
the description and registration, or at the top with ``event_at_top`` (a link to join something
happening now).

This module, the moderation contract (``consultations.moderation``) and ``AppConfig.requires`` are
the public Python API of the suite for third-party plugins (docs/plugin-api.md). ``API_VERSION``
changes with them: the minor number when something is added, the major one when a plugin written
for the previous version could break. CHANGELOG.md says what changed.
"""

from dataclasses import dataclass, field

from django.utils import timezone

API_VERSION = "1.1"


@dataclass(frozen=True)
class Tool:
    name: str
    label: str
    # Step kind -> the actions that step opens for this tool, e.g. {"proposals": ("propose",)}.
    actions: dict = field(default_factory=dict)
    step_template: str | None = None
    event_template: str | None = None
    # The fragment is about the whole consultation: shown once, not under every step that opens it.
    once_per_consultation: bool = False
    # The event fragment goes at the top of the event page, before the description.
    event_at_top: bool = False

    def actions_for(self, step_kind):
        return tuple(self.actions.get(step_kind, ()))

    def home_step(self, steps, now):
        """Where a once-per-consultation fragment belongs among the steps that open this tool: the open
        one, else the last one closed (what was said stays under it), else the next one; or None."""
        from .models.consultations import open_step  # the registry loads before the models

        steps = [step for step in steps if self.actions_for(step.kind)]
        current = open_step(steps, now)
        if current is not None:
            return current
        closed = [step for step in steps if step.ends_at <= now]
        if closed:
            return max(closed, key=lambda step: (step.ends_at, step.position, step.pk or 0))
        upcoming = [step for step in steps if step.starts_at > now]
        return min(upcoming, key=lambda step: (step.starts_at, step.position, step.pk or 0), default=None)


class Registry:
    def __init__(self):
        self._tools = {}

    def register(self, tool):
        if tool.name in self._tools and self._tools[tool.name] != tool:
            raise ValueError(f"A different tool is already registered as {tool.name!r}.")
        self._tools[tool.name] = tool
        return tool

    def get(self, name):
        return self._tools.get(name)

    def __iter__(self):
        return iter(sorted(self._tools.values(), key=lambda tool: tool.name))

    def __contains__(self, name):
        return name in self._tools

    def choices(self):
        return [(tool.name, tool.label) for tool in self]

    def consultation_tools(self, consultation):
        """The registered tools a consultation uses, in registry order."""
        return [tool for tool in self if tool.name in (consultation.tools or [])]

    def event_tools(self):
        return [tool for tool in self if tool.event_template]

    def event_tools_at_top(self):
        return [tool for tool in self.event_tools() if tool.event_at_top]

    def event_tools_after(self):
        return [tool for tool in self.event_tools() if not tool.event_at_top]


def is_action_open(consultation, tool_name, action, now=None):
    """Whether the consultation uses the tool and a step open now allows the action."""
    tool = registry.get(tool_name)
    if tool is None or tool_name not in (consultation.tools or []):
        return False
    step = consultation.current_step(now or timezone.now())
    return step is not None and action in tool.actions_for(step.kind)


registry = Registry()
