package com.civilsafety;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * 民政服务机构安全监管平台. Lives at the root package so that every module's components are found. The process models
 * are deployed at start-up by ProcessModelDeployments (each in its current revision).
 */
@SpringBootApplication
@EnableScheduling
public class CivilSafetyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CivilSafetyApplication.class, args);
    }
}
