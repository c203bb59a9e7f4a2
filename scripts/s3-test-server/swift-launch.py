#!/usr/bin/python3
"""Runs one piece of the S3 test server (scripts/s3-test-server/start.sh) from Debian's
python3-swift, reading every config from ETC so nothing under /etc/swift is read or written.

    swift-launch.py ETC rings HOST OBJECT_PORT CONTAINER_PORT ACCOUNT_PORT
    swift-launch.py ETC account|container|object|proxy CONF [-v]

Why not /usr/bin/swift-*-server: those come in packages that pull in rsyslog and uwsgi,
and they read /etc/swift/swift.conf (utils.SWIFT_CONF_FILE) before any option is parsed.
"""
import os
import sys

etc = os.path.abspath(sys.argv.pop(1))
from swift.common import utils  # noqa: E402
utils.set_swift_dir(etc)        # swift.conf: hash prefix/suffix and storage policies
from swift.common import constraints, storage_policy  # noqa: E402
storage_policy.reload_storage_policies()
constraints.reload_constraints()

kind = sys.argv.pop(1)
if kind == 'rings':
    # One device, one replica, 2^8 partitions: the same as
    #   swift-ring-builder X.builder create 8 1 1; add r1z1-HOST:PORT/d1 1; rebalance
    from swift.cli.ringbuilder import main
    host = sys.argv[1]
    for name, port in zip(('object', 'container', 'account'), sys.argv[2:5]):
        builder = os.path.join(etc, name + '.builder')
        for stale in (builder, os.path.join(etc, name + '.ring.gz')):
            if os.path.exists(stale):
                os.unlink(stale)
        for args in (['create', '8', '1', '1'], ['add', 'r1z1-%s:%s/d1' % (host, port), '1'], ['rebalance']):
            try:
                main(['swift-ring-builder', builder] + args)
            except SystemExit as e:
                if e.code not in (0, 1, None):  # 1 = "completed with warnings" (one device)
                    raise
    sys.exit(0)

from swift.common.wsgi import run_wsgi  # noqa: E402
conf_file, options = utils.parse_options()
extra = {}
if kind == 'object':
    from swift.obj import server
    extra['global_conf_callback'] = server.global_conf_callback
sys.exit(run_wsgi(conf_file, kind + '-server', **dict(options, **extra)))
