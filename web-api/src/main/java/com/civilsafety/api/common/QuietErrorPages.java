package com.civilsafety.api.common;

import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses itself, before the application sees them (a NUL or a malformed escape in the address), are
 * answered by Tomcat's own error page: without its report and without naming the server and its version.
 */
@Component
class QuietErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            ErrorReportValve valve = new ErrorReportValve(); // the host takes this one instead of adding its default
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            context.getParent().getPipeline().addValve(valve);
        });
    }
}
