#!/usr/bin/env bash
# Deploys actionlog's cloud functions, their Pub/Sub topics and Cloud Scheduler jobs to one project.
set -euo pipefail

readonly RUNTIME=nodejs22
readonly SERVICE_ACCOUNT_NAME=actionlog-runtime
readonly SECRET_NAME=actionlog-webhook-secret
readonly SWEEP_TOPIC=actionlog-sweep
readonly ROLLOVER_TOPIC=actionlog-rollover
readonly DIGEST_TOPIC=actionlog-digest
readonly SMTP_SECRET_NAME=actionlog-smtp-url
# Every 15 minutes in working hours (08:00-17:45, Monday to Friday), and daily at 07:00, London time.
readonly SWEEP_SCHEDULE='*/15 8-17 * * 1-5'
readonly ROLLOVER_SCHEDULE='0 7 * * *'
readonly TIME_ZONE=Europe/London

usage() {
  cat <<'USAGE'
Usage: ./deploy.sh [--project ID] [--region REGION] [--sheets ID[,ID...]] [--digest-time HH:MM] [--dry-run] [--help]

Deploys actionlog to Google Cloud: the functions onSheetEdit, generateRegister and
previewDigest (HTTP, signed by the sheet's Apps Script relay), sweep (every 15 minutes in
working hours), rollover (daily) and weeklyDigest (daily at the digest time: digests on each
sheet's digest_weekday, reminders every working day), as Cloud Functions gen2 on nodejs22,
running as a dedicated service account.

  --project ID      Google Cloud project (or GOOGLE_CLOUD_PROJECT)
  --region REGION   Cloud Functions and Cloud Scheduler region (or ACTIONLOG_REGION; default europe-west2)
  --sheets IDS      spreadsheet ids served, comma-separated (or ACTIONLOG_SHEETS)
  --digest-time HH:MM  when weeklyDigest runs, London time (or ACTIONLOG_DIGEST_TIME; default 08:00;
                    one time serves every sheet)
  --dry-run         print every command instead of running it
  --help            show this help

The webhook secret lives in Secret Manager as actionlog-webhook-secret; deploy.sh creates it
with a random value if it does not exist. The SMTP URL (smtps://user:password@host:465) must
be in Secret Manager as actionlog-smtp-url before deploying; deploy.sh says how to add it. Share each sheet with the service account it prints
(as an Editor), and put the URL and secret it prints into the sheet's Script Properties.
USAGE
}

project="${GOOGLE_CLOUD_PROJECT:-}"
region="${ACTIONLOG_REGION:-europe-west2}"
sheets="${ACTIONLOG_SHEETS:-}"
digest_time="${ACTIONLOG_DIGEST_TIME:-08:00}"
dry_run=false

# An option given without its value (the end of the line, or another option next) is a usage error.
needs_value() {
  if [[ $# -lt 2 || "$2" == -* ]]; then
    echo "deploy.sh: $1 needs a value; run ./deploy.sh --help" >&2
    exit 2
  fi
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --project | --region | --sheets | --digest-time) needs_value "$@" ;;&
    --project) project="$2"; shift 2 ;;
    --project=*) project="${1#*=}"; shift ;;
    --region) region="$2"; shift 2 ;;
    --region=*) region="${1#*=}"; shift ;;
    --sheets) sheets="$2"; shift 2 ;;
    --sheets=*) sheets="${1#*=}"; shift ;;
    --digest-time) digest_time="$2"; shift 2 ;;
    --digest-time=*) digest_time="${1#*=}"; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "deploy.sh: unknown option $1; run ./deploy.sh --help" >&2; exit 2 ;;
  esac
done

problems=()
if [[ -z "$project" ]]; then
  problems+=("missing the project: --project ID or GOOGLE_CLOUD_PROJECT")
elif [[ ! "$project" =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]]; then
  problems+=("--project \"$project\" is not a project id (lower-case letters, digits and hyphens, 6 to 30 long)")
fi
if [[ -z "$region" ]]; then
  problems+=("missing the region: --region REGION (europe-west2 if unset)")
elif [[ ! "$region" =~ ^[a-z]+-[a-z]+[0-9]+$ ]]; then
  problems+=("--region \"$region\" is not a region such as europe-west2")
fi
if [[ -z "$sheets" ]]; then
  problems+=("missing the sheets: --sheets ID[,ID...] or ACTIONLOG_SHEETS (ids from docs.google.com/spreadsheets/d/<id>/edit)")
elif [[ ! "$sheets" =~ ^[A-Za-z0-9_-]{10,100}(,[A-Za-z0-9_-]{10,100})*$ ]]; then
  problems+=("--sheets \"$sheets\" is not a comma-separated list of spreadsheet ids (no spaces, no URLs)")
fi
if [[ ! "$digest_time" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]]; then
  problems+=("--digest-time \"$digest_time\" is not a 24-hour time such as 08:00")
fi
if [[ ${#problems[@]} -gt 0 ]]; then
  echo "deploy.sh: cannot deploy:" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  echo "Run ./deploy.sh --help for usage." >&2
  exit 2
fi

readonly service_account="${SERVICE_ACCOUNT_NAME}@${project}.iam.gserviceaccount.com"
# npm and --source=. work on the repository this script lives in, wherever it is run from.
cd "$(dirname "$0")"

# A command as one line that can be pasted into a shell: arguments with spaces or * are single-quoted.
show() {
  local arg words=() escaped="'\\''"
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then words+=("$arg"); else words+=("'${arg//\'/$escaped}'"); fi
  done
  echo "+ ${words[*]}"
}

# Prints each command, then runs it unless --dry-run.
run() {
  show "$@"
  if [[ "$dry_run" == false ]]; then "$@"; fi
}

# True when a resource exists. A dry run prints the check and assumes it does not, so it shows every create.
exists() {
  if [[ "$dry_run" == true ]]; then
    echo "$(show "$@")   # dry run: assumed missing"
    return 1
  fi
  "$@" >/dev/null 2>&1
}

echo "== Build and type-check"
run npm run check
run npm run build

echo "== APIs"
run gcloud services enable cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com \
  artifactregistry.googleapis.com eventarc.googleapis.com pubsub.googleapis.com cloudscheduler.googleapis.com \
  secretmanager.googleapis.com sheets.googleapis.com --project="$project"

echo "== Runtime service account and secret"
if ! exists gcloud iam service-accounts describe "$service_account" --project="$project"; then
  run gcloud iam service-accounts create "$SERVICE_ACCOUNT_NAME" --project="$project" \
    --display-name="actionlog functions (share each committee sheet with this account as an Editor)"
fi
if ! exists gcloud secrets describe "$SECRET_NAME" --project="$project"; then
  # The value goes straight from openssl to Secret Manager: it is never printed or stored on disk.
  # Without its line break: the copy pasted into Script Properties has none, and both must sign alike.
  printf '+ openssl rand -hex 32 | tr -d %s | gcloud secrets create %s --project=%s --replication-policy=automatic --data-file=-\n' "'\\n'" "$SECRET_NAME" "$project"
  if [[ "$dry_run" == false ]]; then
    openssl rand -hex 32 | tr -d '\n' | gcloud secrets create "$SECRET_NAME" --project="$project" --replication-policy=automatic --data-file=-
  fi
fi
run gcloud secrets add-iam-policy-binding "$SECRET_NAME" --project="$project" \
  --member="serviceAccount:${service_account}" --role=roles/secretmanager.secretAccessor
if [[ "$dry_run" == true ]]; then
  echo "+ (a real run stops here unless the secret $SMTP_SECRET_NAME exists, and says how to add it)"
elif ! gcloud secrets describe "$SMTP_SECRET_NAME" --project="$project" >/dev/null 2>&1; then
  # The SMTP password is the PMO's to give: typed at read -s's prompt, it stays off the screen and out of shell history.
  echo "deploy.sh: the SMTP URL secret $SMTP_SECRET_NAME is missing; add it with the line below, then type smtps://USER:PASSWORD@HOST:465 at its prompt:" >&2
  echo "  read -rsp 'SMTP URL: ' url && printf '%s' \"\$url\" | gcloud secrets create $SMTP_SECRET_NAME --project=$project --data-file=- ; unset url" >&2
  exit 2
fi
run gcloud secrets add-iam-policy-binding "$SMTP_SECRET_NAME" --project="$project" \
  --member="serviceAccount:${service_account}" --role=roles/secretmanager.secretAccessor

echo "== Pub/Sub topics"
for topic in "$SWEEP_TOPIC" "$ROLLOVER_TOPIC" "$DIGEST_TOPIC"; do
  if ! exists gcloud pubsub topics describe "$topic" --project="$project"; then
    run gcloud pubsub topics create "$topic" --project="$project"
  fi
done

# ^@^ makes @ gcloud's list separator, so the commas between sheet ids stay in the value.
common=(--gen2 --runtime="$RUNTIME" --region="$region" --project="$project" --source=.
  --service-account="$service_account"
  --set-secrets="ACTIONLOG_WEBHOOK_SECRET=${SECRET_NAME}:latest,ACTIONLOG_SMTP_URL=${SMTP_SECRET_NAME}:latest"
  --set-env-vars="^@^ACTIONLOG_SHEETS=${sheets}")

echo "== Functions"
# HTTP: the relay calls without a Google identity, so the signature is the authentication.
# One instance with concurrency keeps the replay guard's memory complete for the deployment.
for fn in onSheetEdit generateRegister previewDigest; do
  run gcloud functions deploy "$fn" "${common[@]}" --entry-point="$fn" --trigger-http --allow-unauthenticated \
    --memory=512Mi --cpu=1 --concurrency=20 --max-instances=1 --timeout=120s
done
run gcloud functions deploy sweep "${common[@]}" --entry-point=sweep --trigger-topic="$SWEEP_TOPIC" \
  --trigger-service-account="$service_account" --memory=512Mi --max-instances=1 --timeout=540s
run gcloud functions deploy rollover "${common[@]}" --entry-point=rollover --trigger-topic="$ROLLOVER_TOPIC" \
  --trigger-service-account="$service_account" --memory=512Mi --max-instances=1 --timeout=540s
run gcloud functions deploy weeklyDigest "${common[@]}" --entry-point=weeklyDigest --trigger-topic="$DIGEST_TOPIC" \
  --trigger-service-account="$service_account" --memory=512Mi --max-instances=1 --timeout=540s
for fn in sweep rollover weeklyDigest; do
  run gcloud functions add-invoker-policy-binding "$fn" --region="$region" --project="$project" \
    --member="serviceAccount:${service_account}"
done

echo "== Cloud Scheduler"
schedule() {
  local job="$1" cron="$2" topic="$3" verb=create
  if exists gcloud scheduler jobs describe "$job" --location="$region" --project="$project"; then verb=update; fi
  run gcloud scheduler jobs "$verb" pubsub "$job" --location="$region" --project="$project" \
    --schedule="$cron" --time-zone="$TIME_ZONE" --topic="$topic" --message-body="$job"
}
schedule actionlog-sweep "$SWEEP_SCHEDULE" "$SWEEP_TOPIC"
schedule actionlog-rollover "$ROLLOVER_SCHEDULE" "$ROLLOVER_TOPIC"
# Daily: the function sends digests only on each sheet's digest_weekday, reminders on working days.
digest_cron="$((10#${digest_time##*:})) $((10#${digest_time%%:*})) * * *"
schedule actionlog-digest "$digest_cron" "$DIGEST_TOPIC"

cat <<NEXT
== Next steps
1. Share each sheet (${sheets//,/, }) with ${service_account} as an Editor.
2. In each sheet's Apps Script project, set the Script Properties:
     ACTIONLOG_URL    = https://${region}-${project}.cloudfunctions.net
     ACTIONLOG_SECRET = the output of: gcloud secrets versions access latest --secret=${SECRET_NAME} --project=${project}
   then run setup() once (see the README).
NEXT
