#!/bin/sh
# Compose profile `git`: makes the Gitea user KTX_GIT_USER (password KTX_GIT_TOKEN, the credential the services
# send) and the repository $GITEA_URL/$KTX_GIT_USER/acme.git holding the acme demo project (mounted at
# /examples/acme) on main. Leaves an existing user or repository alone. Runs in the gitea image as the user git,
# on Gitea's data volume (the gitea CLI writes Gitea's database directly).
set -eu
: "${GITEA_URL:?}" "${KTX_GIT_USER:?}"
if [ -z "${KTX_GIT_TOKEN:-}" ]; then
  echo "set KTX_GIT_TOKEN (e.g. in .env): the password of the Gitea user $KTX_GIT_USER, at least 8 characters" >&2
  exit 2
fi

if gitea admin user list | awk 'NR > 1 {print $2}' | grep -qx "$KTX_GIT_USER"; then
  echo "user $KTX_GIT_USER exists; left as it is"
else
  gitea admin user create --admin --username "$KTX_GIT_USER" --email "$KTX_GIT_USER@localhost" \
    --password "$KTX_GIT_TOKEN" --must-change-password=false > /dev/null
  echo "created user $KTX_GIT_USER"
fi

# the credential goes in a header, never in a URL or an argument of a long-running process
auth="Authorization: Basic $(printf '%s:%s' "$KTX_GIT_USER" "$KTX_GIT_TOKEN" | base64 | tr -d '\n')"
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$GITEA_URL/api/v1/user/repos" -H "$auth" \
  -H 'Content-Type: application/json' -d '{"name": "acme", "default_branch": "main", "private": true}')
case "$status" in
  201) ;;
  409) echo "repository $KTX_GIT_USER/acme exists; left as it is"; exit 0 ;;
  *) echo "creating repository $KTX_GIT_USER/acme failed: HTTP $status" >&2; exit 1 ;;
esac

work=$(mktemp -d)
cp -r /examples/acme/. "$work"
git -C "$work" init -q -b main
git -C "$work" add -A
git -C "$work" -c user.name=ktx-demo -c user.email=demo@localhost commit -q -m "acme project"
git -C "$work" -c http.extraHeader="$auth" push -q "$GITEA_URL/$KTX_GIT_USER/acme.git" main
rm -rf "$work"
echo "created $GITEA_URL/$KTX_GIT_USER/acme.git"
