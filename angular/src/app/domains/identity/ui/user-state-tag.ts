import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

@Component({
  selector: 'app-user-state-tag',
  imports: [TranslatePipe, NzTagModule],
  template: `
    @if (locked()) {
      <nz-tag nzColor="warning">{{ 'users.state.locked' | translate }}</nz-tag>
    } @else if (active()) {
      <nz-tag nzColor="success">{{ 'users.state.active' | translate }}</nz-tag>
    } @else {
      <nz-tag>{{ 'users.state.inactive' | translate }}</nz-tag>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserStateTag {
  readonly active = input.required<boolean>();
  readonly locked = input.required<boolean>();
}
