"""Demo discussion: ``load_demo()`` after the proposals' demo. Idempotent.

A thread under the first demo proposal, found through the moderation contract (the "proposal"
kind): without a proposals app, no thread.
"""

from consultations.demo import demo_resident
from consultations.moderation import get_kind

from .models import Comment
from .services import add_comment

PROPOSAL = "Un jardin partagé au pied des tours des Clos"
THREAD = [
    ("fatou.clos", "Très bonne idée ! Les enfants de l’école pourraient s’occuper d’une parcelle.", "for"),
    ("michel.source", "Qui arrosera pendant l’été ? Il faudrait un planning entre voisins.", "neutral"),
    ("conseil", "Le conseil citoyen propose de tenir le planning à la maison de quartier.", ""),
]


def load_demo(now=None):
    kind = get_kind("proposal")
    garden = kind.model_class.objects.filter(title=PROPOSAL).first() if kind is not None else None
    if garden is None or Comment.objects.for_object(garden).exists():
        return
    parent = None
    for author, body, position in THREAD:
        parent = add_comment(demo_resident(author), garden, body, parent=parent, position=position, notify_replies=False)
