{{/* Names and labels. */}}
{{/* Prefix of every resource name: the release name (resources are <release>-<service>, <release>-config, ...). */}}
{{- define "ktx.fullname" -}}
{{- .Release.Name | trunc 36 | trimSuffix "-" -}}
{{- end -}}

{{- define "ktx.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: ktx-ingest
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* The four services: values key, name, port variable. */}}
{{- define "ktx.services" -}}
planner: {name: planner-service, portVar: KTX_PLANNER_PORT}
databaseIngest: {name: database-ingest-service, portVar: KTX_DATABASE_INGEST_PORT}
sourceIngest: {name: source-ingest-service, portVar: KTX_SOURCE_INGEST_PORT}
finalizer: {name: finalizer-service, portVar: KTX_FINALIZER_PORT}
{{- end -}}

{{/* Source workers at most (the active autoscaler's maximum); fails when they would have idle consumers. */}}
{{- define "ktx.checkSourceScaling" -}}
{{- $s := .Values.sourceIngest -}}
{{- $max := int $s.replicaCount -}}
{{- $what := "sourceIngest.replicaCount" -}}
{{- if $s.keda.enabled -}}
{{- $max = int $s.keda.maxReplicaCount -}}{{- $what = "sourceIngest.keda.maxReplicaCount" -}}
{{- else if $s.hpa.enabled -}}
{{- $max = int $s.hpa.maxReplicas -}}{{- $what = "sourceIngest.hpa.maxReplicas" -}}
{{- end -}}
{{- $partitions := int .Values.kafka.topics.jobsSourcePartitions -}}
{{- if gt $max $partitions -}}
{{- fail (printf "%s (%d) exceeds kafka.topics.jobsSourcePartitions (%d): every source replica is one consumer and needs its own partition of %sjobs.source" $what $max $partitions .Values.kafka.topicPrefix) -}}
{{- end -}}
{{- end -}}

{{- define "ktx.bootstrapServers" -}}
{{- required "kafka.bootstrapServers is required: the bootstrap servers of your Kafka cluster (host:port,...)" .Values.kafka.bootstrapServers -}}
{{- end -}}

{{- define "ktx.redisUrl" -}}
{{- $url := required "redis.url is required: redis://host:port (or rediss://host:port) of your Redis" .Values.redis.url -}}
{{- if not (regexMatch "^rediss?://[^@/]+$" $url) -}}
{{- fail (printf "redis.url must be redis://host:port or rediss://host:port without credentials (use redis.passwordSecret), got %q" $url) -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{/* KTX_REPOS_REMOTES: the URL prefixes of repo.git.remotes, comma-separated; fails on none or a malformed one. */}}
{{- define "ktx.gitRemotes" -}}
{{- $remotes := .Values.repo.git.remotes -}}
{{- if not $remotes -}}
{{- fail "repo.git.remotes is required with repo.mode git: the URL prefixes a repoUrl must start with, e.g. [https://git.example.com/data/]" -}}
{{- end -}}
{{- if not (kindIs "slice" $remotes) -}}
{{- fail "repo.git.remotes must be a list of URL prefixes, e.g. [https://git.example.com/data/]" -}}
{{- end -}}
{{- range $i, $remote := $remotes -}}
{{- if not (regexMatch "^https?://[^@/,]+(/[^,@]*)?$" $remote) -}}
{{- /* the value is not quoted: it may hold a password */ -}}
{{- fail (printf "repo.git.remotes[%d] must be an http(s) URL prefix without credentials or commas (the token comes from repo.git.tokenSecret)" $i) -}}
{{- end -}}
{{- end -}}
{{- join "," $remotes -}}
{{- end -}}

{{/* The per-pod cache of bare mirrors in git mode: an emptyDir or an ephemeral (per-pod) claim. */}}
{{- define "ktx.gitCacheVolume" -}}
{{- $cache := .Values.repo.git.cache -}}
{{- if eq $cache.type "emptyDir" -}}
emptyDir:
  sizeLimit: {{ $cache.size }}
{{- else if eq $cache.type "pvc" -}}
ephemeral:
  volumeClaimTemplate:
    metadata:
      labels:
        {{- include "ktx.labels" . | nindent 8 }}
    spec:
      accessModes:
        - ReadWriteOnce
      {{- with $cache.storageClassName }}
      storageClassName: {{ . }}
      {{- end }}
      resources:
        requests:
          storage: {{ $cache.size }}
{{- else -}}
{{- fail (printf "repo.git.cache.type must be emptyDir or pvc, got %q" $cache.type) -}}
{{- end -}}
{{- end -}}

{{- define "ktx.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .key }}
{{- end -}}

{{/*
Secret environment of one service (dict "root" $ "key" <values key>): only references to existing Secrets.
*/}}
{{- define "ktx.secretEnvs" -}}
{{- $v := .root.Values -}}
{{- with $v.kafka.saslJaasConfigSecret.name }}
{{ include "ktx.secretEnv" (dict "env" "KAFKA_SASL_JAAS_CONFIG" "name" . "key" $v.kafka.saslJaasConfigSecret.key) }}
{{- end }}
{{- with $v.kafka.truststore.passwordSecret.name }}
{{ include "ktx.secretEnv" (dict "env" "KAFKA_SSL_TRUSTSTORE_PASSWORD" "name" . "key" $v.kafka.truststore.passwordSecret.key) }}
{{- end }}
{{- with $v.redis.passwordSecret.name }}
{{ include "ktx.secretEnv" (dict "env" "KTX_REDIS_PASSWORD" "name" . "key" $v.redis.passwordSecret.key) }}
{{- $parts := split "://" (include "ktx.redisUrl" $.root) }}
- name: KTX_REDIS_URL
  value: {{ printf "%s://:$(KTX_REDIS_PASSWORD)@%s" $parts._0 $parts._1 | quote }}
{{- end }}
{{- if eq $v.repo.mode "git" }}
{{ include "ktx.secretEnv" (dict "env" "KTX_GIT_TOKEN" "name" (required "repo.git.tokenSecret.name is required with repo.mode git: the Secret holding the token (HTTP basic-auth password) of the git remote" $v.repo.git.tokenSecret.name) "key" $v.repo.git.tokenSecret.key) }}
{{- end }}
{{- if eq .key "planner" }}
- name: KTX_REPOS_ROOT
  value: {{ $v.planner.reposRoot | default $v.repo.mountPath | quote }}
{{- if eq $v.planner.auth "none" }}
- name: KTX_PLANNER_AUTH
  value: "none"
{{- else }}
{{ include "ktx.secretEnv" (dict "env" "KTX_PLANNER_API_TOKEN" "name" (required "planner.apiTokenSecret.name is required: every planner API call needs its bearer token (or set planner.auth: none to leave the API open)" $v.planner.apiTokenSecret.name) "key" $v.planner.apiTokenSecret.key) }}
{{- end }}
{{- end }}
{{- if has .key (list "databaseIngest" "sourceIngest") }}
{{- range $v.connectorSecrets }}
{{ include "ktx.secretEnv" (dict "env" .env "name" .secretName "key" .key) }}
{{- end }}
{{- end }}
{{- end -}}
