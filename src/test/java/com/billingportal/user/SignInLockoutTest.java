package com.billingportal.user;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.billingportal.support.Browser;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;
import com.billingportal.user.SignInLockout.Admission;
import com.billingportal.user.SignInLockout.Attempt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockout under concurrency, through the real sign-in form: attempts are counted under the
 * user's row lock before their password is checked, so however many arrive at once no more than
 * five passwords are checked, and a success never clears a lock in force. Each test signs up its
 * own user.
 */
@PortalTest
class SignInLockoutTest {

	static final String PASSWORD = "a long passphrase nobody guesses";

	static final int WRONG = 19;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserService users;

	@Autowired
	SignInLockout lockout;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	String email;

	@BeforeEach
	void newUser() {
		this.email = "lockout-" + UUID.randomUUID() + "@example.com";
		this.users.create(this.email, "Lockout Tester", PASSWORD);
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void twentyAttemptsAtOnceCheckFivePasswordsAndTheRightOneIsRefused() throws Exception {
		List<Browser> wrong = new ArrayList<>();
		for (int i = 0; i < WRONG; i++) {
			wrong.add(onTheSignInPage());
		}
		Browser right = onTheSignInPage();
		ExecutorService pool = Executors.newFixedThreadPool(WRONG + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> wrongAnswers = new ArrayList<>();
			for (int i = 0; i < WRONG; i++) {
				Browser browser = wrong.get(i);
				String password = "wrong password " + i;
				wrongAnswers.add(pool.submit(() -> {
					start.await();
					return submit(browser, password);
				}));
			}
			// Then the right one, while the wrong ones are still being checked: once five of them
			// have arrived, the account is locked (long before their passwords are checked).
			Future<String> rightAnswer = pool.submit(() -> {
				start.await();
				awaitLock();
				return submit(right, PASSWORD);
			});
			start.countDown();
			for (Future<String> answer : wrongAnswers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo("/login?error");
			}
			assertThat(rightAnswer.get(60, TimeUnit.SECONDS)).as("the right password during the lock")
				.isEqualTo("/login?error");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(audits("SIGN_IN_FAILED")).as("passwords checked and wrong").isEqualTo(UserService.MAX_FAILED_LOGINS);
		assertThat(audits("SIGN_IN_REFUSED_LOCKED")).as("refused unchecked")
			.isEqualTo(WRONG + 1 - UserService.MAX_FAILED_LOGINS);
		assertThat(audits("ACCOUNT_LOCKED")).isEqualTo(1);
		assertThat(audits("SIGN_IN")).isZero();
		assertThat(lockedUntil()).isBetween(Instant.now().plus(UserService.LOCK_DURATION).minusSeconds(60),
				Instant.now().plus(UserService.LOCK_DURATION));

		// Fifteen minutes later the lock has expired, and the right password signs in.
		this.clock.advance(UserService.LOCK_DURATION.plusSeconds(1));
		assertThat(signIn(new Browser(this.mvc), PASSWORD)).isEqualTo("/");
		assertThat(lockedUntil()).isNull();
		assertThat(failedLogins()).isZero();
	}

	@Test
	void aSuccessDuringALockInForceDoesNotClearIt() throws Exception {
		// The right password arrives first and is counted; while it is being checked, four wrong
		// ones lock the account.
		Attempt rightOne = this.lockout.admit(this.email);
		assertThat(rightOne.admission()).isEqualTo(Admission.COUNTED);
		Browser attacker = new Browser(this.mvc);
		for (int i = 1; i < UserService.MAX_FAILED_LOGINS; i++) {
			assertThat(signIn(attacker, "wrong password " + i)).isEqualTo("/login?error");
		}
		Instant locked = lockedUntil();
		assertThat(locked).isAfter(Instant.now());

		assertThat(this.lockout.succeeded(rightOne)).as("the right password, checked after the lock").isFalse();
		assertThat(lockedUntil()).isEqualTo(locked);
		assertThat(signIn(new Browser(this.mvc), PASSWORD)).isEqualTo("/login?error");
		assertThat(lockedUntil()).isEqualTo(locked);
	}

	@Test
	void fourWrongPasswordsAndThenTheRightOneSignIn() throws Exception {
		Browser browser = new Browser(this.mvc);
		for (int i = 1; i < UserService.MAX_FAILED_LOGINS; i++) {
			assertThat(signIn(browser, "wrong password " + i)).isEqualTo("/login?error");
		}
		// The fifth attempt locks the account when it is counted; its right password lifts that lock.
		assertThat(signIn(browser, PASSWORD)).isEqualTo("/");
		assertThat(lockedUntil()).isNull();
		assertThat(failedLogins()).isZero();
		assertThat(audits("ACCOUNT_LOCKED")).isZero();
	}

	@Test
	void aLockThatExpiredIsNoLock() throws Exception {
		Browser browser = new Browser(this.mvc);
		for (int i = 0; i < UserService.MAX_FAILED_LOGINS; i++) {
			signIn(browser, "wrong password " + i);
		}
		assertThat(signIn(browser, PASSWORD)).isEqualTo("/login?error");
		this.clock.advance(UserService.LOCK_DURATION.minusSeconds(5));
		assertThat(signIn(browser, PASSWORD)).as("still locked five seconds before the end").isEqualTo("/login?error");
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(signIn(new Browser(this.mvc), PASSWORD)).isEqualTo("/");
	}

	private Browser onTheSignInPage() throws Exception {
		Browser browser = new Browser(this.mvc);
		browser.get("/login");
		return browser;
	}

	/** Sends the form of the sign-in page the browser is on; where it is sent to next. */
	private String submit(Browser browser, String password) throws Exception {
		return browser.post("/login", "email", this.email, "password", password).getResponse().getRedirectedUrl();
	}

	private String signIn(Browser browser, String password) throws Exception {
		return browser.signIn(this.email, password).getResponse().getRedirectedUrl();
	}

	private void awaitLock() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (lockedUntil() == null && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	private Instant lockedUntil() {
		Timestamp until = this.jdbc.queryForObject("select locked_until from app_user where email = ?", Timestamp.class,
				this.email);
		return (until != null) ? until.toInstant() : null;
	}

	private int failedLogins() {
		return this.jdbc.queryForObject("select failed_logins from app_user where email = ?", Integer.class, this.email);
	}

	private long audits(String action) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and actor_email = ?",
				Long.class, action, this.email);
	}

}
