{{/*
The Deployment of a Node app (every app but web), from a dict:
  root        $
  app         its name (Deployment, container image, pod label)
  component   api | stream-worker | worker
  port        the port it listens on: the API port, or the ops port of a worker
  portName    http (APIs) | ops (workers: /healthz, /readyz, /metrics only)
  portVar     the variable the app reads its port from (AUTH_API_PORT, OPS_PORT, …)
  replicas    a fixed count, or nil when an HPA or a ScaledObject owns it
  secretKeys  keys of the Secret it needs; optionalKeys: keys it reads when present
  env         extra env entries (YAML text)
  volumes, volumeMounts   extra ones (YAML text); the tmp volume can be given there sized
  slowProbes  probe less often (the scraper: a busy browser)
  localhostProfile   a Localhost seccomp profile instead of RuntimeDefault
  comment     why it has the grace period it has
*/}}
{{- define "jobping.deployment" -}}
{{- $root := .root -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "jobping.metadata" (dict "root" $root "name" .app "labels" (dict "app.kubernetes.io/name" .app "app.kubernetes.io/component" .component)) | nindent 2 }}
spec:
  {{- if kindIs "invalid" .replicas }}
  # No replicas: {{ .owner }} owns the count.
  {{- else }}
  replicas: {{ .replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ .app }}
  {{- if eq .component "api" }}
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  {{- end }}
  template:
    metadata:
      labels:
        {{- include "jobping.podLabels" . | nindent 8 }}
      {{- $annotations := include "jobping.podAnnotations" (dict "root" $root "metricsPort" (ternary nil .port (eq .portName "http"))) }}
      {{- if trim $annotations }}
      annotations:
        {{- $annotations | trim | nindent 8 }}
      {{- end }}
    spec:
      {{- include "jobping.podSecurity" (dict "root" $root "localhostProfile" .localhostProfile) | nindent 6 }}
      # {{ .comment }}
      terminationGracePeriodSeconds: 45
      containers:
        - name: app
          image: {{ include "jobping.image" (dict "root" $root "app" .app) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: {{ .portName }}
              containerPort: {{ .port }}
          envFrom:
            - configMapRef:
                name: jobping-config
          env:
            - name: {{ .portVar }}
              value: '{{ .port }}'
            {{- with .env }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- include "jobping.secretEnv" (dict "root" $root "keys" .secretKeys "optional" .optionalKeys) | trim | nindent 12 }}
          {{- include "jobping.probes" (dict "port" .portName "slow" .slowProbes) | nindent 10 }}
          resources:
            {{- toYaml (index $root.Values.apps .app).resources | nindent 12 }}
          {{- include "jobping.containerSecurity" . | nindent 10 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with .volumeMounts }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        {{- if .volumes }}
        {{- .volumes | nindent 8 }}
        {{- else }}
        - name: tmp
          emptyDir: {}
        {{- end }}
{{- end }}

{{/* A ClusterIP Service in front of an app's named port. (dict "root" $ "app" … "port" … "targetPort" …) */}}
{{- define "jobping.service" -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "jobping.metadata" (dict "root" .root "name" .app "labels" (dict "app.kubernetes.io/name" .app)) | nindent 2 }}
spec:
  {{- if .headless }}
  # Headless: only for Prometheus' ServiceMonitor, which finds the pods through it.
  clusterIP: None
  {{- end }}
  selector:
    app.kubernetes.io/name: {{ .app }}
  ports:
    - name: {{ .targetPort }}
      port: {{ .port }}
      targetPort: {{ .targetPort }}
{{- end }}

{{/*
A stream worker: the Deployment, its scaling (a KEDA ScaledObject on its consumer group's lag,
or a fixed count) and its PDB. (dict "root" $ "app" … "port" … "stream" … "group" … "optionalKeys" …)
*/}}
{{- define "jobping.streamWorker" -}}
{{- $root := .root -}}
{{- $values := index $root.Values.apps .app -}}
{{- $keda := $root.Values.autoscaling.keda.enabled -}}
{{- $env := "# Heap limits: @jobping/stream-worker WORKER_NODE_OPTIONS (deploy-check compares).\n- name: NODE_OPTIONS\n  value: --max-old-space-size=128 --max-semi-space-size=16" -}}
{{- include "jobping.deployment" (dict "root" $root "app" .app "component" "stream-worker" "port" .port "portName" "ops" "portVar" "OPS_PORT"
      "replicas" (ternary nil $values.replicas $keda) "owner" "the KEDA ScaledObject below"
      "secretKeys" (list "DATABASE_URL" "REDIS_URL") "optionalKeys" .optionalKeys "env" $env
      "comment" "Above the worker's drain: SHUTDOWN_TIMEOUT_MS (25 s) + STREAM_BLOCK_MS (2 s) + 5 s to close.") }}
{{- if $keda }}
---
# Scales on the consumer group's lag (XINFO GROUPS, Redis 7+): entries of the stream not yet
# delivered to the group. stream and consumerGroup are packages/contracts' names, with
# STREAM_KEY_PREFIX (config) in front of the stream; deploy-check compares them.
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  {{- include "jobping.metadata" (dict "root" $root "name" .app "labels" (dict "app.kubernetes.io/name" .app)) | nindent 2 }}
spec:
  scaleTargetRef:
    name: {{ .app }}
  minReplicaCount: {{ $values.keda.minReplicaCount }}
  maxReplicaCount: {{ $values.keda.maxReplicaCount }}
  pollingInterval: {{ $root.Values.autoscaling.keda.pollingInterval }}
  cooldownPeriod: {{ $root.Values.autoscaling.keda.cooldownPeriod }}
  triggers:
    - type: redis-streams
      authenticationRef:
        name: jobping-redis
      metadata:
        address: {{ $root.Values.autoscaling.keda.redisAddress }}
        {{- if $root.Values.autoscaling.keda.enableTLS }}
        enableTLS: 'true'
        {{- end }}
        stream: {{ printf "%s%s" ($root.Values.config.STREAM_KEY_PREFIX | default "") .stream }}
        consumerGroup: {{ .group }}
        # Target lag per replica.
        lagCount: '{{ $values.keda.lagCount }}'
{{- end }}
---
{{ include "jobping.pdb" (dict "root" $root "app" .app) }}
{{- if $root.Values.metrics.serviceMonitor.enabled }}
---
{{ include "jobping.service" (dict "root" $root "app" .app "port" .port "targetPort" "ops" "headless" true) }}
{{- end }}
{{- end }}

{{/* The HPA of an API: autoscaling/v2 on CPU, bounds from apps.<api>.hpa. */}}
{{- define "jobping.hpa" -}}
{{- $hpa := (index .root.Values.apps .app).hpa -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "jobping.metadata" (dict "root" .root "name" .app "labels" (dict "app.kubernetes.io/name" .app)) | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .app }}
  minReplicas: {{ $hpa.minReplicas }}
  maxReplicas: {{ $hpa.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: {{ $hpa.targetCPUUtilizationPercentage }}}
{{- end }}
