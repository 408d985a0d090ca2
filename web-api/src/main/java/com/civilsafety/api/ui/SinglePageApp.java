package com.civilsafety.api.ui;

import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web UI (the web-ui module's build, on the classpath under {@code static/}): files as they are — the
 * hashed bundles cached for a year — and every other page address as {@code index.html}, so that a bookmarked or
 * reloaded page such as {@code /hazards/12} opens in the app. API and actuator addresses never fall back to the page:
 * an unknown one stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp implements WebMvcConfigurer {
    private final String location;

    /** {@code civil-safety.ui.location}: where the built UI is — a directory ({@code file:web-ui/target/classes/static/}) while developing it */
    SinglePageApp(@Value("${civil-safety.ui.location:classpath:/static/}") String location) {
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(location + "assets/")
                .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**")
                .addResourceLocations(location)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource file = path.isEmpty() ? null : location.createRelative(path);
                        if (file != null && file.exists() && file.isReadable()) {
                            return file;
                        }
                        if (path.startsWith("api/") || path.startsWith("actuator/") || path.startsWith("assets/")
                                || path.contains(".")) {
                            return null; // a missing file or an unknown API address: 404, not the page
                        }
                        Resource page = location.createRelative("index.html");
                        return page.exists() ? page : null;
                    }
                });
    }
}
