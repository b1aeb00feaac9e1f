{{/*
Shared pieces of the templates. Object names are the app names (auth-api, jobs-api, …), as in
docker-compose.yml and the Kustomize overlays: one JobPing per namespace.
*/}}

{{/* Labels of every object. Helm's own labels are left out of the k8s/base render (kubectl applies it). */}}
{{- define "jobping.labels" -}}
app.kubernetes.io/part-of: jobping
{{- if not .Values.kustomizeBase }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}
{{- end }}

{{/* metadata of a namespaced object: (dict "root" $ "name" "x" "labels" (dict …)). k8s/base leaves the namespace to kustomize (and to kubectl -n). */}}
{{- define "jobping.metadata" -}}
name: {{ .name }}
{{- if not .root.Values.kustomizeBase }}
namespace: {{ .root.Release.Namespace }}
{{- end }}
labels:
  {{- include "jobping.labels" .root | nindent 2 }}
  {{- with .labels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}

{{/* The image of an app: <repository>/<app>:<tag or appVersion>. */}}
{{- define "jobping.image" -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.repository) .app (default .root.Chart.AppVersion .root.Values.image.tag) }}
{{- end }}

{{/* The Secret the apps read: one the chart creates (secrets.create) or the platform team's. */}}
{{- define "jobping.secretName" -}}
{{- if .Values.secrets.create -}}
jobping-secrets
{{- else -}}
{{- required "secrets.existingSecret: name the Secret holding DATABASE_URL, REDIS_URL and JWT_SECRET, or set secrets.create=true with secrets.values (development)" .Values.secrets.existingSecret -}}
{{- end }}
{{- end }}

{{/* env entries reading keys of the Secret: (dict "root" $ "keys" (list …) "optional" (list …)) */}}
{{- define "jobping.secretEnv" -}}
{{- $secret := include "jobping.secretName" .root }}
{{- range .keys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: {{ . }}}
{{- end }}
{{- range .optional }}
# Optional: without a key the deterministic local provider scores.
- name: {{ . }}
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: {{ . }}, optional: true}
{{- end }}
{{- end }}

{{/*
Pod template annotations: in Helm, a checksum of the settings rolls the pods when they change
(in k8s/base, kustomize's hashed ConfigMap name does that).
*/}}
{{- define "jobping.podAnnotations" -}}
{{- if not .root.Values.kustomizeBase }}
checksum/config: {{ include (print .root.Template.BasePath "/configmap.yaml") .root | sha256sum }}
{{- if .root.Values.secrets.create }}
checksum/secret: {{ include (print .root.Template.BasePath "/secret.yaml") .root | sha256sum }}
{{- end }}
{{- end }}
{{- if .metricsPort }}
prometheus.io/scrape: 'true'
prometheus.io/port: '{{ .metricsPort }}'
{{- end }}
{{- end }}

{{/*
The restricted Pod Security profile, pod level: (dict "root" $ "localhostProfile" "…"). Images run
as a numeric non-root USER (docker/*.Dockerfile). A Localhost seccomp profile (the scraper's
Chromium sandbox) replaces RuntimeDefault; the restricted profile allows both.
*/}}
{{- define "jobping.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  seccompProfile:
    {{- if .localhostProfile }}
    type: Localhost
    localhostProfile: {{ .localhostProfile }}
    {{- else }}
    type: RuntimeDefault
    {{- end }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The restricted profile, container level: the root filesystem is read-only, /tmp is the one writable place. */}}
{{- define "jobping.containerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  runAsNonRoot: true
  capabilities:
    drop:
      - ALL
{{- end }}

{{/* readiness on /readyz, liveness on /healthz, on the named port. (dict "port" "http" "slow" false) */}}
{{- define "jobping.probes" -}}
readinessProbe:
  httpGet: {path: /readyz, port: {{ .port }}}
  periodSeconds: {{ if .slow }}10{{ else }}5{{ end }}
  failureThreshold: {{ if .slow }}3{{ else }}2{{ end }}
livenessProbe:
  httpGet: {path: /healthz, port: {{ .port }}}
  initialDelaySeconds: {{ if .slow }}15{{ else }}10{{ end }}
  periodSeconds: {{ if .slow }}15{{ else }}10{{ end }}
  failureThreshold: 3
{{- end }}

{{/* A PodDisruptionBudget that still lets a node drain (maxUnavailable, never minAvailable). */}}
{{- define "jobping.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "jobping.metadata" (dict "root" .root "name" .app "labels" (dict "app.kubernetes.io/name" .app)) | nindent 2 }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ .app }}
{{- end }}

{{/* Pod labels of an app: what Services, PDBs and NetworkPolicies select. */}}
{{- define "jobping.podLabels" -}}
app.kubernetes.io/name: {{ .app }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: jobping
{{- end }}
