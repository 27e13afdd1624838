"""``python -m deploy.lower_priority N COMMAND…``: run COMMAND at N nice levels below, its autogroup too.

With the scheduler's autogroups (Linux's default: ``/proc/sys/kernel/sched_autogroup_enabled``),
sessions share the CPU with one another whatever their processes' nice values. The supervisor starts
each process in a session of its own, so ``nice -n 10`` alone left the task worker an equal share
against the pages: a staff export took half a core of two while the visitors' pages queued
(``python -m bench crowd``, docs/performance.md). The autogroup's own nice is what the scheduler
weighs between sessions; a process may lower it (never raise it) for the session it leads.
"""

import os
import sys


def lower(level):
    os.nice(level)
    try:
        with open("/proc/self/autogroup", "w") as autogroup:
            autogroup.write(str(level))
    except OSError:
        pass  # No autogroups (another kernel, or a cgroup's CPU weight rules): the nice alone applies.


def main(argv):
    level, command = int(argv[0]), argv[1:]
    lower(level)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
