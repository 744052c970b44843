#!/bin/bash
# The files the desktop and polkit read are valid.
set -euo pipefail
desktop-file-validate resources/org.berth.Berth.desktop
appstreamcli validate --no-net --pedantic resources/org.berth.Berth.metainfo.xml
xmllint --noout resources/org.berth.policy resources/org.berth.Berth.svg dbus/*.xml dbus/*.conf
