package io.aftercare.account;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller method take a {@link Csm} parameter: the signed-in user, read fresh
 * for the request so a changed name or phone shows at once (a token's user was read with
 * the token, by the same request).
 */
@Configuration(proxyBeanMethods = false)
class CurrentCsmResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static {
		// The acting CSM comes from the credentials, never from the request: keep it out
		// of the API description.
		org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Csm.class);
	}

	private final CsmDirectory directory;

	CurrentCsmResolver(CsmDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Csm.class.equals(parameter.getParameterType());
	}

	@Override
	public Csm resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new InsufficientAuthenticationException("not signed in");
		}
		if (authentication instanceof ApiTokenAuthentication token) {
			return token.user();
		}
		return this.directory.find(authentication.getName())
			.orElseThrow(() -> new InsufficientAuthenticationException("user no longer exists"));
	}

}
