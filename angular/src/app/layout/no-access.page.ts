import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

/** Shown in place of a page the user has no permission for (the URL stays as typed). */
@Component({
  selector: 'app-no-access-page',
  imports: [RouterLink, TranslatePipe, NzResultModule, NzButtonModule],
  template: `
    <nz-result nzStatus="403" [nzTitle]="'noAccess.title' | translate" [nzSubTitle]="'noAccess.detail' | translate" data-test="no-access">
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.backHome' | translate }}</a>
      </div>
    </nz-result>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccessPage {}
