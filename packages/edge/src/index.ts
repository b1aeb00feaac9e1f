export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY, securityHeaders } from './security-headers';
export { ingressPathLines, matchesRules, nginxLocations, proxyPattern, proxyRules, type ProxyRule } from './proxy-rules';
export { nginxHstsMap, nginxSecurityHeaders } from './nginx';
export { replaceGeneratedSection } from './generated-section';
