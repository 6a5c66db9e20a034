package com.billingportal.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A browser test: the application on a random port, driven by Chromium. Browser test classes share
 * application contexts (each startup costs seconds), and each context has its own in-memory
 * database with the demo data, in which a paid invoice stays paid. The demo data has three Contoso
 * invoices payable by card (two past due, one due) and two Fabrikam ones (one past due, one due),
 * so the classes are split over two databases:
 * <ul>
 * <li>the default: the journeys (Contoso: a past-due and the due invoice), the unhappy paths
 * (Fabrikam: both), and the classes that pay nothing (accessibility, look);</li>
 * <li>{@link #SECOND_DATABASE}: the journey again without JavaScript and with the keyboard alone
 * (Contoso: the two past-due invoices).</li>
 * </ul>
 * A test reads the invoice it pays from the page, never a hard-coded number.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RequestRecorder.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
public @interface BrowserTest {

	/** Gives a class a second application context with its own demo database. */
	String SECOND_DATABASE = "browser-tests.database=second";

	/** Extra properties; {@link #SECOND_DATABASE} or nothing. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
