"""Run jobs at the same moment, each thread with its own connection and transaction (PostgreSQL tests)."""

import threading

from django.db import close_old_connections, connections


def run_together(jobs):
    """Start every job at the same moment; return what each one returned or raised."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:  # noqa: BLE001  (the refusal is the result we look at)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()
    return results
