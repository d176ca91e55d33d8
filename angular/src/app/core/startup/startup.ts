import { EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';
import { PermissionStore } from '../permissions/permission.store';

/** Before the first screen: the remembered language is loaded, and a remembered session has its permissions read. */
export function provideStartup(): EnvironmentProviders {
  return provideAppInitializer(async () => {
    const language = inject(LanguageService);
    const auth = inject(AuthService);
    const permissions = inject(PermissionStore);
    await language.init();
    if (auth.isSignedIn() && (await permissions.load())) await language.adopt(permissions.preferredLanguage());
  });
}
