package com.civilsafety.api.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The API's error document (RFC 9457, Chinese {@code detail}) written by the filters that run before Spring MVC —
 * security, rate limits, body limits — in the same form as the errors {@code ApiErrors} answers inside it.
 */
@Component
public class ProblemResponses {
    public static final String DATABASE_AWAY = "数据库暂时无法访问，本次操作未保存，请稍后重试";
    public static final String RETRY_AFTER_SECONDS = "30";
    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, status, detail));
    }

    /** A sign-in whose account could not be read: 503, not "wrong password". */
    public void writeDatabaseAway(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_AWAY);
    }

    public static ProblemDetail body(HttpServletRequest request, HttpStatusCode status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            body.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // a path the firewall turned away for its characters: the answer goes without it
        }
        return body;
    }
}
