export { NGINX_PATH, freePort, imageEnv, renderImageTemplate, renderWebServer, startNginx, startWebNginx, type RunningNginx, type WebNginxOptions } from './nginx';
