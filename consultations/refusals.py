"""A refused action, shared by the participation apps: a French message and a stable code.

Pages show ``message``; the API answers ``{"detail": message, "code": code}`` with ``status``.
"""


class Refused(Exception):
    def __init__(self, message, code, status=400):
        super().__init__(message)
        self.message = str(message)
        self.code = code
        self.status = status


def refused_response(refusal):
    from rest_framework.response import Response

    return Response({"detail": refusal.message, "code": refusal.code}, status=refusal.status)
