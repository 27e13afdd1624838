from participation.councils.models import Council
from participation.proposals.demo import load_demo
from participation.proposals.models import Proposal, Support


def test_the_demo_loads_twice_with_exact_counters(db):
    load_demo()
    load_demo()
    assert Council.objects.filter(name="Conseil citoyen de Chartres – Les Clos").exists()
    assert Proposal.objects.count() == 12
    for proposal in Proposal.objects.all():
        assert proposal.support_count == Support.objects.filter(proposal=proposal).count()
