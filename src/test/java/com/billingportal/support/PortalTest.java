package com.billingportal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.billingportal.audit.AuditService;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole application over an in-memory H2 with the demo data, driven through MockMvc. Every
 * class with this annotation shares one application context; each starts with a fresh demo
 * database ({@link FreshDemoDatabase}), the real time and no gateway fault; each test starts with
 * the portal's own CSRF token store (which spring-security-test's {@code csrf()} swaps). A test may make the
 * gateway fail ({@link FaultyGateway}), move the clock ({@link MutableClock}) or make the audit
 * trail fail (the {@link AuditService} is a Mockito spy, reset after each test). MockMvc prints no
 * exchange on failure: the walks through every page would print thousands; a test's own
 * assertion says what went wrong.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@Import(PortalTestConfiguration.class)
@MockitoSpyBean(types = AuditService.class)
@TestExecutionListeners(listeners = FreshDemoDatabase.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface PortalTest {

}
