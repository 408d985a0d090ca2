package com.civilsafety.engine.command;

/** The engine did not take a command; nothing was recorded for the request. */
public class EngineUnavailableException extends RuntimeException {
    public EngineUnavailableException(Throwable cause) {
        super("流程引擎暂不可用，请稍后重试", cause);
    }
}
