package com.civilsafety.api.error;

import com.civilsafety.ledger.common.SheetImport;
import com.civilsafety.api.common.RequestBodyLimit;
import com.civilsafety.api.common.ProblemResponses;
import com.civilsafety.api.common.TooBusyException;
import com.civilsafety.engine.command.EngineUnavailableException;
import com.civilsafety.engine.model.ModelRejectedException;
import com.civilsafety.api.security.SignInThrottledException;
import com.civilsafety.ledger.attachment.FileTooLargeException;
import com.civilsafety.ledger.attachment.UnsupportedFileException;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.DatabaseFaults;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the API as an RFC 9457 problem document with a Chinese {@code detail} and, for bad input, the list
 * of offending fields. Never a stack trace. Errors raised outside Spring MVC (the security filters) are written by
 * {@link ProblemResponses} in the same form.
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return badInput(request, e.fields().entrySet().stream().map(f -> new FieldError(f.getKey(), f.getValue())).toList());
    }

    /**
     * Bodies and query parameters bound to an object (filters): a value of the wrong type names its parameter and what
     * it should be — never the converter's own message, which names our classes.
     */
    @ExceptionHandler(BindException.class) // MethodArgumentNotValidException too
    ResponseEntity<ProblemDetail> invalid(BindException e, HttpServletRequest request) {
        return badInput(request, e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.isBindingFailure()
                        ? "格式不对：" + expected(e.getBindingResult().getFieldType(f.getField())) : f.getDefaultMessage()))
                .toList());
    }

    /** A parameter the firewall refuses once it is read (a name with a line break): the caller's mistake. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "请求有误：参数名称含有不允许的字符");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalid(ConstraintViolationException e, HttpServletRequest request) {
        return badInput(request, e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (org.springframework.core.NestedExceptionUtils.getRootCause(e) instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
            return problem(request, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        if (e.getCause() instanceof JsonMappingException mapping && !(e.getCause() instanceof JsonParseException)) {
            return unreadable(mapping, request);
        }
        return problem(request, HttpStatus.BAD_REQUEST, "请求体不是合法的 JSON");
    }

    @ExceptionHandler(JsonMappingException.class)
    ResponseEntity<ProblemDetail> unreadable(JsonMappingException e, HttpServletRequest request) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return problem(request, HttpStatus.BAD_REQUEST, "请求体应为 JSON 对象");
        }
        return badInput(request, List.of(new FieldError(field, describe(e))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badInput(request, List.of(new FieldError(e.getName(), "格式不对：" + expected(e.getRequiredType()))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    /**
     * An import of which nothing went in: every bad cell by its row and column (each message names them), and every
     * row's answer as a successful import gives it.
     */
    @ExceptionHandler(SheetImport.RejectedException.class)
    ResponseEntity<ProblemDetail> rejected(SheetImport.RejectedException e, HttpServletRequest request) {
        String listed = e.errors().stream().limit(20).map(SheetImport.RowError::message).collect(Collectors.joining("；"));
        ProblemDetail body = ProblemResponses.body(request, HttpStatus.BAD_REQUEST, e.getMessage() + "。" + listed
                + (e.errors().size() > 20 ? "；……" : ""));
        body.setProperty("rowErrors", e.errors());
        body.setProperty("rows", e.rows());
        return respond(body);
    }

    /** A model refused by its check: every finding, each naming its element, for the modeler to mark. */
    @ExceptionHandler(ModelRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ModelRejectedException e, HttpServletRequest request) {
        String listed = e.findings().stream().limit(10).map(f -> (f.elementId() == null ? "" : f.elementId() + "：")
                + f.message()).collect(Collectors.joining("；"));
        ProblemDetail body = ProblemResponses.body(request, HttpStatus.BAD_REQUEST, e.getMessage() + "：" + listed
                + (e.findings().size() > 10 ? "；……" : ""));
        body.setProperty("findings", e.findings());
        return respond(body);
    }

    /** Too many wrong passwords at the sign-in form (HTTP Basic answers the same from its entry point). */
    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.body(request, HttpStatus.TOO_MANY_REQUESTS, e.detail()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        return problem(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({FileTooLargeException.class, MaxUploadSizeExceededException.class, RequestBodyLimit.BodyTooLargeException.class})
    ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
        String detail = e instanceof MaxUploadSizeExceededException ? "上传内容超过大小上限" : e.getMessage();
        return problem(request, HttpStatus.PAYLOAD_TOO_LARGE, detail);
    }

    @ExceptionHandler(UnsupportedFileException.class)
    ResponseEntity<ProblemDetail> unsupportedFile(UnsupportedFileException e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return badInput(request, List.of(new FieldError(e.getRequestPartName(), "缺少上传文件")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "请以 multipart/form-data 上传文件");
    }

    @ExceptionHandler(TooBusyException.class)
    ResponseEntity<ProblemDetail> busy(TooBusyException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.body(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(EngineUnavailableException.class)
    ResponseEntity<ProblemDetail> engineDown(EngineUnavailableException e, HttpServletRequest request) {
        log.warn("engine unavailable for {} {}", request.getMethod(), request.getRequestURI(), e.getCause());
        return problem(request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** The database is away (restarting, network): nothing was written; the person can try again shortly. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            InternalAuthenticationServiceException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e, HttpServletRequest request) {
        if (!DatabaseFaults.unreachable(e)) {
            return unexpected(e, request);
        }
        log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.body(request, HttpStatus.SERVICE_UNAVAILABLE, ProblemResponses.DATABASE_AWAY));
    }

    /** Spring MVC's own errors (404 of unknown paths, 405, 415 …) keep their status, with a Chinese detail. */
    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> framework(Exception e, HttpServletRequest request) {
        HttpStatusCode status = ((ErrorResponse) e).getStatusCode();
        String detail = switch (status.value()) {
            case 404 -> "接口不存在：" + request.getRequestURI();
            case 405 -> "接口不支持 " + request.getMethod() + " 方法";
            case 406 -> "无法提供所要求的响应格式";
            case 415 -> e instanceof HttpMediaTypeNotSupportedException unsupported && !unsupported.getSupportedMediaTypes().isEmpty()
                    ? "请求体格式须为 " + unsupported.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining("、"))
                    : "请求体格式不受支持";
            case 400 -> e instanceof MissingServletRequestParameterException missing
                    ? "缺少参数 " + missing.getParameterName() : "请求有误";
            default -> genericDetail(status);
        };
        return problem(request, status, detail);
    }

    /** A status without a message of our own: said in Chinese, never the framework's English text (which names its classes). */
    private static String genericDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求有误";
            case 404 -> "接口不存在";
            case 405 -> "接口不支持该方法";
            case 413 -> "请求内容超过大小上限";
            case 415 -> "请求体格式不受支持";
            default -> status.is4xxClientError() ? "请求有误" : "服务器内部错误，请联系管理员";
        };
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("client went away during {} {}", request.getMethod(), request.getRequestURI());
            return null; // nobody to answer
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // the caller's mistake that Spring MVC found (a missing header, a bad path variable …): its status, our words
            return problem(request, framework.getStatusCode(), genericDetail(framework.getStatusCode()));
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请联系管理员");
    }

    private ResponseEntity<ProblemDetail> badInput(HttpServletRequest request, List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = "请求有误：" + sorted.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("；"));
        ProblemDetail body = ProblemResponses.body(request, HttpStatus.BAD_REQUEST, detail);
        body.setProperty("errors", sorted);
        return respond(body);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatusCode status, String detail) {
        return respond(ProblemResponses.body(request, status, detail));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "未知字段";
        }
        if (e instanceof InvalidFormatException format) {
            return "值 " + format.getValue() + " 格式不对：" + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "格式不对：" + expected(mismatch.getTargetType());
        }
        return "格式不对";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "类型不符";
        }
        if (type.isEnum()) {
            return "应为 " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、")) + " 之一";
        }
        if (type == LocalDate.class) {
            return "应为日期，格式 yyyy-MM-dd";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "应为时间，ISO-8601 格式";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "应为整数";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "应为数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "应为 true 或 false";
        }
        if (type == String.class) {
            return "应为文本";
        }
        return "类型不符"; // never the name of one of our classes
    }
}
