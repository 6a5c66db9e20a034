package com.billingportal.portal;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.CachingResourceTransformer;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Style sheets, scripts and images, under content-hashed URLs ({@code /css/portal-<md5>.css},
 * written into the pages by Thymeleaf's {@code @{...}}), so that a browser may keep them a year: a
 * change is a new URL. Mapped to their three folders only, not to every path as Spring Boot's
 * default {@code /**} would: with that, rewriting each link of a page for a hash would first look
 * for a file of that name in the class path, on every page and every link. Links elsewhere skip that
 * rewriting altogether ({@link StaticFileLinks}). Each file is read once and then served from
 * memory ({@link StaticFilesInMemory}, added to each folder's resource chain), and Spring's cache of
 * the chain keeps one entry per linked path ({@link CachedByPath}).
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebMvcConfigurer {

	private static final String[] FOLDERS = { "css", "js", "images" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			Cache cache = new ConcurrentMapCache("static-files-" + folder);
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
				.setEtagGenerator(StaticFilesConfiguration::etag)
				.resourceChain(false)
				.addResolver(new CachedByPath(cache))
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addTransformer(new CachingResourceTransformer(cache))
				.addTransformer(new StaticFilesInMemory());
		}
	}

	/**
	 * The ETag the version's resolver gave the file, for the handler to compare with a request's
	 * {@code If-None-Match}: without it the handler answered only {@code If-Modified-Since} with a 304,
	 * and a browser revalidating by the ETag it was sent got the whole file again.
	 */
	static @Nullable String etag(Resource resource) {
		return (resource instanceof HttpResource http) ? http.getResponseHeaders().getETag() : null;
	}

	/**
	 * Spring's cache of resolved files ({@code resourceChain(true)}'s), one entry per path as the
	 * pages link it, whatever the request's {@code Accept-Encoding}; a path with a percent-escape is
	 * resolved without the cache. Spring's own key adds the codings the header names without removing
	 * repeats, so {@code gzip,gzip,…} made a new entry per request, kept for good: a way for anyone to
	 * fill the memory. The codings matter only to a chain that serves pre-compressed files, which
	 * these do not (the server compresses). The key is the path as sent, and the file is found after
	 * decoding it, so every spelling of a name with escaped letters ({@code p%6Frtal.css}) made an
	 * entry too; the portal's links have none. Tested by {@code StaticFilesTest}.
	 */
	static final class CachedByPath extends CachingResourceResolver {

		CachedByPath(Cache cache) {
			super(cache);
		}

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			if (requestPath.indexOf('%') >= 0) {
				return chain.resolveResource(request, requestPath, locations);
			}
			return super.resolveResourceInternal(request, requestPath, locations, chain);
		}

		/** Also the key of the two-argument form, which Spring passes on to this one. */
		@Override
		protected String computeKey(HttpServletRequest request, String requestPath, List<? extends Resource> locations) {
			return super.computeKey(null, requestPath, locations);
		}

	}

	/** Thymeleaf's links rewritten for a hash only where they point into one of the folders. */
	@Bean
	static BeanPostProcessor staticFileLinks() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					String[] prefixes = new String[FOLDERS.length];
					for (int i = 0; i < FOLDERS.length; i++) {
						prefixes[i] = "/" + FOLDERS[i] + "/";
					}
					engine.setLinkBuilder(new StaticFileLinks(prefixes));
				}
				return bean;
			}

		};
	}

}
