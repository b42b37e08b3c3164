#!/bin/sh
# Puts the acme demo project (mounted at /examples/acme) into the shared repo volume as /repos/acme, a git
# repository whose main holds the project. Leaves an existing /repos/acme alone. Runs in the ktx-cli image.
set -eu
project=/repos/acme

if [ -e "$project" ]; then
  echo "$project exists; left as it is"
  exit 0
fi
cp -r /examples/acme "$project"
git -C "$project" init -q -b main
git -C "$project" add -A
git -C "$project" -c user.name=ktx-demo -c user.email=demo@localhost commit -q -m "acme project"
echo "created $project"
