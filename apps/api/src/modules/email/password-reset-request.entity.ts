import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A "forgot password" request, counted per IP and per email to throttle them across API processes. */
@Entity({ name: 'password_reset_requests' })
@Index('password_reset_requests_ip_idx', ['ip', 'createdAt'])
@Index('password_reset_requests_email_idx', ['email', 'createdAt'])
export class PasswordResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'text' })
  email: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
