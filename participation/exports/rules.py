"""Who may export what: one predicate per question."""

import rules

from consultations.rules import is_staff_member

rules.add_perm("exports.export_data", is_staff_member)
rules.add_perm("exports.export_personal_data", is_staff_member)
rules.add_perm("exports.view_statistics", is_staff_member)


@rules.predicate
def requested_the_job(user, job):
    return job is not None and user.is_authenticated and job.requested_by_id == user.pk


rules.add_perm("exports.view_job", is_staff_member & requested_the_job)
