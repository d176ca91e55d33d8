import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslatePipe, NzResultModule, NzButtonModule],
  template: `
    <nz-result nzStatus="404" [nzTitle]="'notFound.title' | translate" [nzSubTitle]="'notFound.detail' | translate" data-test="not-found">
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.backHome' | translate }}</a>
      </div>
    </nz-result>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
