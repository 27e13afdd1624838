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
kind opens one of its actions, with ``consultation``, ``step`` and ``tool`` in the context.
An event tool (``event_template``) is rendered on the event page the same way.

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

    def actions_for(self, step_kind):
        return tuple(self.actions.get(step_kind, ()))


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


def is_action_open(consultation, tool_name, action, now=None):
    """Whether the consultation uses the tool and a step open now allows the action."""
    tool = registry.get(tool_name)
    if tool is None or tool_name not in (consultation.tools or []):
        return False
    step = consultation.current_step(now or timezone.now())
    return step is not None and action in tool.actions_for(step.kind)


registry = Registry()
