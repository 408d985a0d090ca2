package com.civilsafety.api.common;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON. Spring MVC would also read YAML, CBOR, Smile or XML bodies whenever their Jackson modules are on
 * the class path (the Camunda client brings YAML), each through a mapper of its own that ignores unknown fields —
 * a second, laxer door into every endpoint. Only the JSON converter (Boot's mapper: unknown fields refused) and the
 * plain ones (text, bytes, resources, forms) stay.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter
                && !(converter instanceof MappingJackson2HttpMessageConverter));
    }
}
