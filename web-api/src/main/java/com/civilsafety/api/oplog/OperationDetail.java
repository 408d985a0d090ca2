package com.civilsafety.api.oplog;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What an operation did, in words, for the 操作日志 beside its method and path: set by the endpoint that knows (a
 * variable corrected and why, instances cancelled and why), written by {@link OperationRecorder} after the call.
 */
public final class OperationDetail {
    private static final String ATTRIBUTE = OperationDetail.class.getName();
    static final int MAX = 1000;

    public static void describe(HttpServletRequest request, String detail) {
        request.setAttribute(ATTRIBUTE, detail);
    }

    static String of(HttpServletRequest request) {
        Object detail = request.getAttribute(ATTRIBUTE);
        return detail instanceof String text ? text : null;
    }

    private OperationDetail() {
    }
}
